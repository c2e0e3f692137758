/**
 * Saves text as a file from an extension page: a Blob and an `<a download>`, so no
 * `downloads` permission is needed.
 */
export function downloadText(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser reads the Blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
