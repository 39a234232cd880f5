/** A dismissible line at the top of the page for problems the lecturer should see (an invalid setting, a worker failure). */
export class ErrorBanner {
  constructor(private readonly root: HTMLElement) {
    root.addEventListener('click', () => this.clear());
  }

  show(message: string): void {
    this.root.textContent = `${message} (click to dismiss)`;
    this.root.hidden = false;
  }

  clear(): void {
    this.root.hidden = true;
  }
}
