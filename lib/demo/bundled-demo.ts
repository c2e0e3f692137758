/** Where the bundled demo article is served in the extension (the welcome page links to it). */
export const DEMO_PAGE_PATH = 'demo/alibaba-h200.html';

/**
 * The demo article as the extension ships it: the project's own demo page
 * (tests/fixtures/pages/demo-alibaba-h200.html, the one the tests read) plus the two scripts
 * that annotate it, since content scripts do not run on the extension's own pages. Written
 * by the build, so there is one copy of the article in the repository.
 */
export function bundledDemoHtml(articleHtml: string): string {
  const scripts = [
    '<!-- Bundled with Thesis Lens as its demo. Content scripts do not run on the extension\'s own pages, so the page loads them itself. -->',
    '<script src="/content-scripts/clipper.js"></script>',
    '<script src="/content-scripts/lens.js"></script>',
  ].join('\n');
  return articleHtml.endsWith('\n') ? `${articleHtml}${scripts}\n` : `${articleHtml}\n${scripts}\n`;
}
