// "See it in the lab" after an answer: the link opens the lab with the run
// that shows the point, and carries the way back to this place.
import { labLinkHref, type LabLink } from '@/app/_features/lab/model/watch';

export function SeeInLab({ link, back }: { link: LabLink | undefined; back: string }) {
  if (!link) return null;
  return (
    <p className="see-in-lab">
      {/* A full page load: the lab reads its settings from the address when it starts. */}
      <a href={labLinkHref(link, back)} data-testid="see-in-lab">
        See it in the lab
      </a>
      : {link.watch}
    </p>
  );
}
