import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="home">
      <h1>Page not found</h1>
      <p>
        That page does not exist. <Link href="/">Back to the course map</Link>.
      </p>
    </div>
  );
}
