'use client';
/**
 * 登录: the form a person (or a password manager, or a script) fills — its fields are named
 * `username` and `password` — and, once signed in, back to the page that sent them here
 * (`?next=`, a path of this site only: next-path.ts).
 */
import { Button, Input } from 'antd';
import { useSearchParams } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { AppLink as Link } from '../common/app-link';
import { Notice } from '../common/states';
import { useLogin } from './auth.queries';
import { loginFailure } from './login-failure';
import { safeNext } from './next-path';
import { AUTH_TEXTS as T } from './texts';

export function LoginForm() {
  const next = safeNext(useSearchParams().get('next'));
  const login = useLogin(next);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  // Until the page answers input, submitting would post the form to nowhere.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const who = username.trim();
    setMissing(!who || !password);
    if (!who || !password) return;
    login.mutate({ username: who, password });
  };

  const error = missing ? T.missing : login.isError ? loginFailure(login.error) : null;
  return (
    <div className="ph-login">
      <h1 className="ph-page-title">{T.heading}</h1>
      <p className="ph-muted" style={{ marginLeft: 0 }}>{T.intro}</p>
      <form method="post" onSubmit={submit} className="ph-login-form" noValidate>
        <label htmlFor="login-username">{T.username}</label>
        <Input
          id="login-username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoFocus
          aria-invalid={error ? true : undefined}
        />
        <label htmlFor="login-password">{T.password}</label>
        <Input.Password
          id="login-password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={error ? true : undefined}
        />
        {error ? <Notice tone="error" title={error} /> : null}
        <Button type="primary" htmlType="submit" disabled={!ready} loading={login.isPending || login.isSuccess}>
          {login.isPending ? T.submitting : T.submit}
        </Button>
      </form>
      <p style={{ marginTop: 24 }}><Link href="/public">{T.publicLink}</Link></p>
    </div>
  );
}
