/**
 * Prints one section of the dashboard as an A4 report: the print stylesheet hides every other
 * section while `print-one` is on the root element. Any section (the 2012 study's in particular)
 * can offer a "Print" button calling this with its own id.
 */
export function printSection(id: string): void {
  const root = document.documentElement;
  const section = document.getElementById(id);
  if (!section) {
    window.print();
    return;
  }
  root.classList.add('print-one');
  section.classList.add('print-target');
  const done = () => {
    root.classList.remove('print-one');
    section.classList.remove('print-target');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

export function PrintButton({ section, label }: { section: string; label: string }) {
  return (
    <button type="button" class="print-button" data-testid={`print-${section}`} onClick={() => printSection(section)}>
      {label}
    </button>
  );
}
