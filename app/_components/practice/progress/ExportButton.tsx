'use client';

import { serializeProgress } from '@/app/_progress/transfer';
import { pickData } from '@/app/_progress/store';
import { progressStore } from '@/app/_progress/use-progress';
import { localDay, nowIso } from '../clock';

/** Downloads the saved progress as a JSON file that Import accepts. */
export function ExportButton() {
  const download = () => {
    const text = serializeProgress(pickData(progressStore.getState()), nowIso());
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `batch-inference-lab-progress-${localDay()}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    // Give the browser a moment to start the download before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <button type="button" className="button-primary" onClick={download}>
      Export progress to a file
    </button>
  );
}
