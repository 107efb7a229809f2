'use client';
/**
 * Next's Link without prefetching, and with a sign while its page loads. Result pages hold
 * dozens of links to records; prefetching each would render dozens of pages on the server for
 * every search, on a two-core machine. Pages are rendered on the server with their data, so a
 * click waits for the server: the sign says it was heard.
 */
import Link, { useLinkStatus } from 'next/link';
import type { ComponentProps } from 'react';

function Pending() {
  const { pending } = useLinkStatus();
  return pending ? <span className="ph-link-pending" aria-hidden="true" /> : null;
}

export function AppLink({ children, ...props }: ComponentProps<typeof Link>) {
  return (
    <Link prefetch={false} {...props}>
      {children}
      <Pending />
    </Link>
  );
}
