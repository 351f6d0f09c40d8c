/** A file the user chose, read in the renderer (which has no file system access of its own). */

/** The file as a data: URL; its base64 part is what crosses to the core. */
export const readAsDataUrl = (file: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('Not read as text.'));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });

/** The base64 bytes of a data: URL. */
export const base64Of = (dataUrl: string): string => dataUrl.slice(dataUrl.indexOf(',') + 1);

/** A name the contract accepts (at most 255 characters), keeping its end, where the extension is. */
export const fileNameForImport = (name: string): string =>
  (name.length > 255 ? name.slice(-255) : name) || 'image';
