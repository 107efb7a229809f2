'use client';
/**
 * One ECharts chart on a div: ECharts is loaded when the first chart mounts (never on other
 * pages), the chart follows its box's size, is disposed with the component, and is named for
 * screen readers (`aria-label`; the figures are also in the tables beside it, as links).
 * A click on an element hands ECharts' event to `onClick`.
 */
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { seriesPoints, type ChartClick } from './chart-options';

export function EChart({ option, label, height = 320, onClick, name }: {
  option: EChartsCoreOption;
  label: string;
  height?: number;
  onClick?: (click: ChartClick) => void;
  /** `data-chart`, for tests and styles. */
  name: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  // The latest option and handler, read by the chart once it exists (it is created asynchronously).
  const latest = useRef({ option, onClick });
  useEffect(() => {
    latest.current = { option, onClick };
  });
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let gone = false;
    let observer: ResizeObserver | null = null;
    import('./echarts-setup')
      .then(({ init }) => {
        const el = box.current;
        if (gone || !el) return;
        const c = init(el, undefined, { renderer: 'canvas' });
        chart.current = c;
        c.setOption(latest.current.option);
        el.dataset.points = String(seriesPoints(latest.current.option));
        c.on('click', (p) => latest.current.onClick?.(p as unknown as ChartClick));
        observer = new ResizeObserver(() => c.resize());
        observer.observe(el);
        el.dataset.ready = 'true';
      })
      .catch(() => {
        if (!gone) setFailed(true);
      });
    return () => {
      gone = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c || !box.current) return;
    c.setOption(option, { notMerge: true });
    box.current.dataset.points = String(seriesPoints(option));
  }, [option]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      data-chart={name}
      className={`ph-chart${onClick ? ' ph-chart-clickable' : ''}`}
      style={{ height }}
    >
      {failed ? <span className="ph-muted">{label}</span> : null}
    </div>
  );
}
