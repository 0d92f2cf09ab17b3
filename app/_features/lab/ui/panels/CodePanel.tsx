'use client';
// "Show me the code": the current settings as SDK v1 Python and v2 YAML.
import { useState } from 'react';
import { CopyButton } from '@/app/_platform/ui/CopyButton';
import { pythonV1 } from '@/app/_features/lab/model/code/python-v1';
import { yamlV2 } from '@/app/_features/lab/model/code/yaml-v2';
import { yamlBatch } from '@/app/_features/lab/model/code/yaml-batch';
import { hasProblems } from '@/app/_features/lab/model/config';
import { useLab } from '@/app/_features/lab/use-lab';
import { PanelTitle } from '../LabProvider';
import type { LabSettings } from '@/app/_features/lab/model/settings';

type Tab = 'v1' | 'v2' | 'batch';

const TAB_LABELS: Record<Tab, string> = { v1: 'SDK v1 Python', v2: 'v2 YAML (parallel job)', batch: 'v2 YAML (batch endpoint) and invoke' };

function CodeCopyButton({ text, what }: { text: string; what: string }) {
  return <CopyButton text={text} label={`Copy ${what}`} className="lab-copy" buttonClassName="lab-button" statusClassName="lab-muted" failedMessage="Copy failed: select the text instead." />;
}

/** The tabs a dialect offers: v1 also shows its v2 translation; each v2 dialect shows its own files. */
const TABS: Record<LabSettings['sdk'], Tab[]> = { v1: ['v1', 'v2'], 'v2-parallel': ['v2'], 'v2-batch-deployment': ['batch'] };

function Code({ label, text }: { label: string; text: string }) {
  return (
    <pre role="region" className="lab-pre lab-code" tabIndex={0} aria-label={label}>
      <code>{text}</code>
    </pre>
  );
}

function TabBody({ tab, settings }: { tab: Tab; settings: LabSettings }) {
  if (tab === 'v1') {
    const python = pythonV1(settings);
    return (
      <>
        <CodeCopyButton text={python} what="Python" />
        <Code label="SDK v1 Python for the current settings" text={python} />
      </>
    );
  }
  if (tab === 'v2') {
    const yaml = yamlV2(settings);
    return (
      <>
        <CodeCopyButton text={`${yaml.compute}\n---\n${yaml.job}`} what="YAML" />
        <Code label="v2 compute YAML" text={yaml.compute} />
        <Code label="v2 pipeline job YAML" text={yaml.job} />
      </>
    );
  }
  const batch = yamlBatch(settings);
  return (
    <>
      <CodeCopyButton text={`${batch.endpoint}\n---\n${batch.deployment}\n${batch.invoke}`} what="YAML and command" />
      <Code label="Batch endpoint YAML" text={batch.endpoint} />
      <Code label="Batch deployment YAML" text={batch.deployment} />
      <Code label="Command that starts a batch scoring job" text={batch.invoke} />
    </>
  );
}

export function CodePanel() {
  const settings = useLab((s) => s.settings);
  const invalid = useLab((s) => hasProblems(s.problems));
  const tabs = TABS[settings.sdk];
  const [chosen, setTab] = useState<Tab>('v1');
  const tab = tabs.includes(chosen) ? chosen : (tabs[0] as Tab);
  return (
    <section className="lab-panel" aria-labelledby="lab-code-title">
      <PanelTitle id="lab-code-title">
        Show me the code
      </PanelTitle>
      {tabs.length > 1 && (
        <div className="lab-tabs" role="group" aria-label="Code version">
          {tabs.map((t) => (
            <button key={t} type="button" className="lab-tab" aria-pressed={tab === t} onClick={() => setTab(t)}>
              {TAB_LABELS[t]}
            </button>
          ))}
        </div>
      )}
      {invalid ? <p className="lab-notice">Fix the settings marked beside the controls to see code that would run.</p> : <TabBody tab={tab} settings={settings} />}
    </section>
  );
}
