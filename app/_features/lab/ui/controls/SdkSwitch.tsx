'use client';
// Which SDK the lab speaks: the chapter's v1 ParallelRunStep, or one of the two
// v2 routes. Switching carries the settings over through the engine's mapping
// and lists what had no counterpart.
import { LAB_SDKS, SDK_TITLES, type LabSdk } from '@/app/_features/lab/model/sdk';
import { useLab } from '@/app/_features/lab/use-lab';
import { SdkConflicts } from './SdkConflicts';

/** The date SDK v1 (and with it ParallelRunStep) left support, as Microsoft's v1 pages state it. */
export const SDK_V1_SUPPORT_ENDED = '30 June 2026';

function SwitchReport() {
  const report = useLab((s) => s.sdkSwitch);
  if (!report || (report.carried.length === 0 && report.dropped.length === 0 && report.caveats.length === 0)) return null;
  return (
    <div className="lab-sdk-report" role="status" data-testid="lab-sdk-report">
      {report.carried.length > 0 && (
        <p>
          <strong>Carried over:</strong> {report.carried.map((c) => (c.from === c.to ? `${c.to} = ${c.value}` : `${c.from} → ${c.to} = ${c.value}`)).join('; ')}.
        </p>
      )}
      {report.dropped.length > 0 && (
        <>
          <p>
            <strong>No equivalent, so not carried over:</strong>
          </p>
          <ul>
            {report.dropped.map((d) => (
              <li key={d.field}>
                <code>{d.field}</code>
                {d.value !== '' && d.value !== undefined ? ` = ${String(d.value)}` : ''}: {d.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.caveats.map((c) => (
        <p key={c.field}>
          <strong>Note on {c.field}:</strong> {c.reason}
        </p>
      ))}
    </div>
  );
}

export function SdkSwitch() {
  const sdk = useLab((s) => s.settings.sdk);
  const set = useLab((s) => s.set);
  return (
    <fieldset className="lab-group lab-sdk">
      <legend>SDK</legend>
      <div className="lab-sdk-options">
        {LAB_SDKS.map((option: LabSdk) => (
          <label key={option} className="lab-sdk-option">
            <input type="radio" name="lab-sdk" value={option} checked={sdk === option} onChange={() => set('sdk', option)} />
            <span>
              {SDK_TITLES[option]} <code>sdk={option}</code>
            </span>
          </label>
        ))}
      </div>
      {sdk === 'v1' && (
        <p className="lab-notice" data-testid="lab-v1-notice">
          SDK v1, ParallelRunStep&apos;s SDK, has been out of support since {SDK_V1_SUPPORT_ENDED}. The chapter and the exam teach it; each control below also
          names its v2 setting.
        </p>
      )}
      <SwitchReport />
      <SdkConflicts sdk={sdk} />
    </fieldset>
  );
}
