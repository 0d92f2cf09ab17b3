// Saves text as a file through a Blob and an object URL: nothing leaves the browser.

export function downloadText(fileName: string, text: string): void {
  downloadParts(fileName, [text]);
}

/** The parts are joined by the Blob itself, so a large file is never one string in the page. */
export function downloadParts(fileName: string, parts: BlobPart[]): void {
  const url = URL.createObjectURL(new Blob(parts, { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns: free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
