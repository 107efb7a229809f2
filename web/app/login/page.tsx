/** 登录 (/login?next=…): the login form; afterwards, back to the page that sent the user here. */
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoginForm } from '../../features/auth/login-form';
import { Loading } from '../../features/common/states';
import '../login.css';

export const metadata: Metadata = { title: '登录' };

export default function Login() {
  return (
    <Suspense fallback={<Loading rows={3} />}>
      <LoginForm />
    </Suspense>
  );
}
