// A PDFKit document marked PDF/X-1a by hand, as an advertiser's tool would (not by our own writer, src/export/pdf):
// the Info ids and Trapped, and a GTS_PDFX output intent carrying the plant's CMYK profile.
import { readFileSync } from 'node:fs';
import { PdfName, type XDoc } from '../../src/export/pdf/pdfx.js';
import type { PlantProfile } from '../../src/plant/index.js';

export function markX1aByHand(doc: PDFKit.PDFDocument, plant: PlantProfile): XDoc {
  const d = doc as unknown as XDoc;
  d.info['GTS_PDFXVersion'] = 'PDF/X-1:2001';
  d.info['GTS_PDFXConformance'] = 'PDF/X-1a:2001';
  d.info['Trapped'] = new PdfName('False');
  const icc = doc.ref({ N: 4 });
  icc.write(readFileSync(plant.outputCondition.profile));
  icc.end();
  const intent = doc.ref({ Type: 'OutputIntent', S: 'GTS_PDFX', OutputConditionIdentifier: new String('CGATS TR 002'), RegistryName: new String('http://www.color.org'), DestOutputProfile: icc });
  intent.end();
  d._root.data['OutputIntents'] = [intent];
  return d;
}
