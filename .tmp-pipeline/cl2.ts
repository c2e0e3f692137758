import { defaultPack } from '../lib/pack/default-pack';
import { linkSentence } from '../lib/pipeline/claims';
for (const s of ['Beijing told customs the chips are not permitted for now, two people said, and firms were told not to buy unless necessary.']) console.log(linkSentence(s, defaultPack));
