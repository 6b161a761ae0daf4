export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading the editor">
      <div className="skeleton" style={{ height: 36, width: 320, marginBottom: 12 }} />
      <div className="skeleton" style={{ aspectRatio: "3 / 2", width: "100%" }} />
    </div>
  );
}
