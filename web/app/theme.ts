/**
 * Ant Design's theme for PlanHub: compact like the bureau's office software, system CJK fonts
 * (no web fonts: builds run offline), and secondary text dark enough for WCAG AA contrast.
 */
import type { ThemeConfig } from 'antd';

export const FONT_FAMILY = [
  '-apple-system', 'BlinkMacSystemFont', '"PingFang SC"', '"Hiragino Sans GB"', '"Microsoft YaHei"',
  '"Noto Sans CJK SC"', '"Source Han Sans SC"', '"WenQuanYi Micro Hei"', '"Segoe UI"', 'Roboto', 'sans-serif',
].join(', ');

export const theme: ThemeConfig = {
  token: {
    fontFamily: FONT_FAMILY,
    fontSize: 14,
    borderRadius: 4,
    colorPrimary: '#1456b8',
    colorLink: '#1456b8',
    // antd's defaults (45% and 25% black) fall below 4.5:1 on white.
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  },
  components: {
    Layout: { headerBg: '#0f3d7a', headerHeight: 52, headerPadding: '0 24px', bodyBg: '#f3f5f8' },
  },
};
