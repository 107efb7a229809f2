/**
 * A small coloured label (type, status, 超期). Ant Design's coloured tags put light text on pale
 * backgrounds, below the 4.5:1 contrast WCAG AA asks for; these keep the hues with darker text.
 */
import type { HTMLAttributes } from 'react';

export type Tone = 'blue' | 'green' | 'red' | 'gold' | 'purple' | 'cyan' | 'magenta' | 'volcano' | 'geekblue' | 'gray';

export function Pill({ tone, className, ...rest }: { tone: Tone } & HTMLAttributes<HTMLSpanElement>) {
  return <span className={`ph-pill ph-pill-${tone}${className ? ` ${className}` : ''}`} {...rest} />;
}
