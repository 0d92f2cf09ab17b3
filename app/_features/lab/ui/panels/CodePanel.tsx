'use client';
// "Show me the code": the current settings as SDK v1 Python and v2 YAML.
import { useMemo, useState } from 'react';
import { CopyButton } from '@/app/_platform/ui/CopyButton';
import { pythonV1 } from '@/app/_features/lab/model/code/python-v1';
import { yamlV2 } from '@/app/_features/lab/model/code/yaml-v2';
import { hasProblems } from '@/app/_features/lab/model/config';
import { useLab } from '@/app/_features/lab/use-lab';
import { PanelTitle } from '../LabProvider';

type Tab = 'v1' | 'v2';

function CodeCopyButton({ text, what }: { text: string; what: string }) {
  return <CopyButton text={text} label={`Copy ${what}`} className="lab-copy" buttonClassName="lab-button" statusClassName="lab-muted" failedMessage="Copy failed: select the text instead." />;
}

export function CodePanel() {
  const settings = useLab((s) => s.settings);
  const invalid = useLab((s) => hasProblems(s.problems));
  const [tab, setTab] = useState<Tab>('v1');
  const code = useMemo(() => (invalid ? null : { python: pythonV1(settings), yaml: yamlV2(settings) }), [settings, invalid]);
  return (
    <section className="lab-panel" aria-labelledby="lab-code-title">
      <PanelTitle id="lab-code-title">
        Show me the code
      </PanelTitle>
      <div className="lab-tabs" role="group" aria-label="Code version">
        <button type="button" className="lab-tab" aria-pressed={tab === 'v1'} onClick={() => setTab('v1')}>
          SDK v1 Python
        </button>
        <button type="button" className="lab-tab" aria-pressed={tab === 'v2'} onClick={() => setTab('v2')}>
          v2 YAML (parallel job)
        </button>
      </div>
      {!code ? (
        <p className="lab-notice">Fix the settings marked beside the controls to see code that would run.</p>
      ) : tab === 'v1' ? (
        <>
          <CodeCopyButton text={code.python} what="Python" />
          <pre role="region" className="lab-pre lab-code" tabIndex={0} aria-label="SDK v1 Python for the current settings">
            <code>{code.python}</code>
          </pre>
        </>
      ) : (
        <>
          <CodeCopyButton text={`${code.yaml.compute}\n---\n${code.yaml.job}`} what="YAML" />
          <pre role="region" className="lab-pre lab-code" tabIndex={0} aria-label="v2 compute YAML">
            <code>{code.yaml.compute}</code>
          </pre>
          <pre role="region" className="lab-pre lab-code" tabIndex={0} aria-label="v2 pipeline job YAML">
            <code>{code.yaml.job}</code>
          </pre>
        </>
      )}
    </section>
  );
}
