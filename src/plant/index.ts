// plant: printing-plant profiles (what a plant accepts) and the names of the files it is sent.
export { loadPlant, listPlants, parsePlant, pageFileName, plantGeometry, DEFAULT_PLANT, PLANTS_DIR, COLOR_DIR, PDFX_FLAVOURS, SEVERITY_RULES } from './profile.js';
export type { PlantProfile, PdfxFlavour, OutputCondition, Severity, SeverityRule } from './profile.js';
