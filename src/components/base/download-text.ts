/** Offers text as a file download, made in the browser: no request leaves the page. */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Not revoked at once: the browser may still be reading the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
