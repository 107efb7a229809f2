'use client';
/**
 * 又称: the names the project goes by beyond its registered one — those its record carries and
 * those people added — with a field to add one and a button to remove an added one for the
 * roles that may (`alias:write`; others read the names only).
 */
import { Button, Input } from 'antd';
import { useState } from 'react';
import { useSession } from '../auth/auth.queries';
import { can } from '../auth/roles';
import { ErrorState } from '../common/states';
import { useAliasChanges, useAliases } from './aliases.queries';
import { PROJECT_TEXTS } from './texts';

const T = PROJECT_TEXTS.aliases;

export function ProjectAliases({ projectNo, registeredName }: { projectNo: string; registeredName: string }) {
  const canEdit = can(useSession().data?.role, 'aliasWrite');
  const aliases = useAliases(projectNo);
  const { add, remove } = useAliasChanges(projectNo);
  const [draft, setDraft] = useState('');
  const recordNames = (aliases.data?.record_names ?? []).filter((n) => n !== registeredName);
  const submit = () => {
    const alias = draft.trim();
    if (!alias) return;
    add.mutate({ alias }, { onSuccess: () => setDraft('') });
  };
  return (
    <section className="ph-panel ph-aliases" aria-labelledby="ph-aliases-title">
      <h2 id="ph-aliases-title" className="ph-section-title">{T.label}<span className="ph-section-hint">{T.intro}</span></h2>
      <ul className="ph-alias-list">
        {recordNames.map((n) => <li key={`record:${n}`} className="ph-alias" title={T.fromRecord}>{n}</li>)}
        {aliases.data?.aliases.map((a) => (
          <li key={a.alias} className="ph-alias" title={T.added(a.added_by)}>
            {a.alias}
            {canEdit ? <button type="button" className="ph-alias-remove" aria-label={T.remove(a.alias)} onClick={() => remove.mutate({ alias: a.alias })}>×</button> : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <div className="ph-alias-add">
          <Input
            aria-label={T.inputLabel}
            placeholder={T.placeholder}
            value={draft}
            maxLength={80}
            onChange={(e) => setDraft(e.target.value)}
            onPressEnter={submit}
            style={{ maxWidth: 320 }}
          />
          <Button onClick={submit} loading={add.isPending} disabled={!draft.trim()}>{T.add}</Button>
        </div>
      ) : null}
      {add.data && add.data.shared_with.length > 0 ? <p className="ph-muted" role="status">{T.sharedWith(add.data.shared_with.join('、'))}</p> : null}
      {add.isError ? <ErrorState error={add.error} /> : null}
      {remove.isError ? <ErrorState error={remove.error} /> : null}
      {aliases.isError ? <ErrorState error={aliases.error} onRetry={() => void aliases.refetch()} /> : null}
    </section>
  );
}
