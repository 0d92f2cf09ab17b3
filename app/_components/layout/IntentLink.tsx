'use client';
// A link that prefetches its page when the reader shows intent (pointer over it,
// keyboard focus, touch), not as soon as it is on screen. Next's default
// prefetch of a link in view also downloads the JavaScript of the page it
// points to: the header's links alone made every page load the progress,
// drills and course-map code (about 20 kB gzipped) before the reader chose to go
// anywhere. Following the link is unchanged: a client-side navigation.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ComponentProps } from 'react';

type IntentLinkProps = Omit<ComponentProps<typeof Link>, 'href' | 'prefetch'> & { href: string };

export function IntentLink({ href, onMouseEnter, onFocus, onTouchStart, ...rest }: IntentLinkProps) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return (
    <Link
      {...rest}
      href={href}
      prefetch={false}
      onMouseEnter={(e) => {
        onMouseEnter?.(e);
        prefetch();
      }}
      onFocus={(e) => {
        onFocus?.(e);
        prefetch();
      }}
      onTouchStart={(e) => {
        onTouchStart?.(e);
        prefetch();
      }}
    />
  );
}
