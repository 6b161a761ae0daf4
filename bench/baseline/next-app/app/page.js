// A page with nothing but text: what Lighthouse scores a bare Next.js page on this machine.
export default function Page() {
  return (
    <main>
      <h1>A bare Next.js page</h1>
      <p>The floor for the Lighthouse benchmark: no data, no images, no client components.</p>
    </main>
  );
}
