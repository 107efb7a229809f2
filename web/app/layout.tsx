/** The shell of every page: Chinese, the providers, the header with the hub's name. */
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AppHeader } from '../features/common/app-header';
import { Providers } from './providers';
import './globals.css';
import './search.css';
import './recommend.css';
import './aliases.css';
import './alerts/alerts.css';

export const metadata: Metadata = {
  title: { default: 'PlanHub 国土规划资源中心', template: '%s · PlanHub 国土规划资源中心' },
  description: '审批、公文、会议、信访、法规与法人诚信，按项目检索',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <Providers>
          <AppHeader />
          <main className="ph-main">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
