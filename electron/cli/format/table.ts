/** A plain-text table for the terminal: columns padded to their widest cell, long cells cut. */

/** Characters as the terminal counts them, near enough: code points, not UTF-16 units. */
const widthOf = (text: string): number => [...text].length;

export const truncate = (text: string, max: number): string =>
  widthOf(text) <= max ? text : `${[...text].slice(0, max - 1).join('')}…`;

export const formatTable = (headers: readonly string[], rows: readonly (readonly string[])[]): string => {
  const widths = headers.map((header, column) =>
    Math.max(widthOf(header), ...rows.map((row) => widthOf(row[column] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : cell + ' '.repeat((widths[column] ?? 0) - widthOf(cell)),
      )
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].map((text) => `${text}\n`).join('');
};
