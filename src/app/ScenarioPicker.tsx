// Choose a built-in scenario or open a scenario file from disk (YAML or JSON).

import { useId, type ChangeEvent } from 'react';
import { useAppStore } from './store-context.tsx';

export interface ScenarioEntry {
  readonly file: string;
  readonly title: string;
  readonly summary?: string;
}

interface Props {
  scenarios: readonly ScenarioEntry[];
  directory: string;
  listError: string | null;
}

export function ScenarioPicker({ scenarios, directory, listError }: Props) {
  const selectId = useId();
  const fileId = useId();
  const fileName = useAppStore((s) => s.fileName);
  const hasBriefing = useAppStore((s) => s.briefing !== '');
  const loadScenario = useAppStore((s) => s.loadScenario);
  const known = scenarios.some((s) => s.file === fileName);
  const summary = scenarios.find((s) => s.file === fileName)?.summary;

  function onSelect(event: ChangeEvent<HTMLSelectElement>) {
    const file = event.target.value;
    if (file) void loadScenario({ url: directory + file });
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    void loadScenario({ text: await file.text(), fileName: file.name });
  }

  return (
    <section className="panel scenario-picker" aria-label="Choose a scenario">
      <div className="field">
        <label htmlFor={selectId}>Scenario</label>
        <select id={selectId} value={known ? fileName : ''} onChange={onSelect}>
          {!known && <option value="">{fileName ? `File: ${fileName}` : 'Choose…'}</option>}
          {scenarios.map((s) => (
            <option key={s.file} value={s.file}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-file">
        <label htmlFor={fileId} className="button button-secondary">
          Open file…
        </label>
        <input
          id={fileId}
          className="visually-hidden"
          type="file"
          accept=".yaml,.yml,.json,application/json,text/yaml"
          onChange={(e) => void onFile(e)}
        />
      </div>
      {summary && !hasBriefing && <p className="muted summary">{summary}</p>}
      {listError && (
        <p className="inline-error" role="alert">
          {listError}
        </p>
      )}
    </section>
  );
}
