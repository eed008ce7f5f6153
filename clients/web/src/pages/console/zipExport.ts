// The console's "download everything" (ZipButton.tsx imports this file when pressed, so that the
// zip library and the activities' file writers load only then): fetches the export once, makes
// the files and the zip (zipFiles.ts) and downloads it.

import type { Language } from '../../i18n/i18n';
import { fetchExport } from '../../net/fetchExport';
import { downloadFile } from './exportFile';
import { buildZipFiles, zipBytes, zipLanguage, zipName } from './zipFiles';

// False: it failed (the export could not be fetched, or a file could not be made).
export async function downloadZip(code: string, consoleLanguage: Language): Promise<boolean> {
  const exported = await fetchExport(code);
  if (exported === undefined) return false;
  try {
    const files = await buildZipFiles(exported, zipLanguage(exported, consoleLanguage));
    downloadFile(zipName(code, exported), zipBytes(files), 'application/zip');
    return true;
  } catch (error) {
    console.warn('campana: zip export failed', error);
    return false;
  }
}
