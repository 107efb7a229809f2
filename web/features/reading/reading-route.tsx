/** The route module of one reading page type: its title and its page, the id taken from the path, the record rendered on the server. */
import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import type { ReadingType } from '../common/record-links';
import { safeDecode } from '../common/safe-decode';
import { ReadingPage } from './reading-page';
import { prefetchReading } from './reading.prefetch';
import { READING_TEXTS } from './texts';

type Props = { params: Promise<{ id: string }> };

export function readingRoute(type: ReadingType) {
  async function generateMetadata({ params }: Props): Promise<Metadata> {
    const { id } = await params;
    return { title: `${READING_TEXTS.typeNames[type]} ${safeDecode(id)}` };
  }
  async function Page({ params }: Props) {
    const id = safeDecode((await params).id);
    return (
      <HydrationBoundary state={await prefetchReading(type, id)}>
        <ReadingPage type={type} id={id} />
      </HydrationBoundary>
    );
  }
  return { generateMetadata, Page };
}
