/** The print setup of every sheet dti writes for people: A4, fitted to the page width, header rows repeated. */
export function a4PageSetup(orientation: 'landscape' | 'portrait', headerRows?: readonly [number, number]) {
  return {
    orientation,
    paperSize: 9, // A4
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(headerRows ? { printTitlesRow: `${headerRows[0]}:${headerRows[1]}` } : {}),
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
}
