// Moved to components/clippings/lens-integration.tsx (the lens imports it from there, and no
// longer bundles the clipper). Kept for one merge so that the lens builds either way.
export { connectLensClippings, type LensClippings } from '@/components/clippings/lens-integration';
