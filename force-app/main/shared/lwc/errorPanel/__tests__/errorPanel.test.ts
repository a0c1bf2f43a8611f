import { createElement } from '@lwc/engine-dom';
import ErrorPanel from 'c/errorPanel';

function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function render(properties: { errors?: unknown; friendlyMessage?: string }): HTMLElement {
  const element = createElement('c-error-panel', { is: ErrorPanel });
  Object.assign(element, properties);
  document.body.appendChild(element);
  return element;
}

function query(element: HTMLElement, selector: string): HTMLElement | null {
  return element.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

describe('c-error-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows the friendly message and every error message', async () => {
    const element = render({
      friendlyMessage: 'The health score could not be loaded.',
      errors: [{ body: { message: 'Timed out' } }, new Error('Offline')]
    });
    await flush();

    expect(query(element, '[data-id="friendly-message"]')?.textContent).toBe('The health score could not be loaded.');
    const items = Array.from(element.shadowRoot?.querySelectorAll('li') ?? []).map((item) => item.textContent);
    expect(items).toEqual(['Timed out', 'Offline']);
    expect(query(element, '[role="alert"]')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says so when no error has a message', async () => {
    const element = render({ errors: { body: {} } });
    await flush();

    expect(query(element, '[data-id="friendly-message"]')?.textContent).toBe('Something went wrong.');
    expect(query(element, '[data-id="messages"]')).toBeNull();
    expect(query(element, '[data-id="no-details"]')?.textContent).toContain('No details were given.');
    await expect(element).toBeAccessible();
  });

  it('renders error text as text, not markup', async () => {
    const element = render({ errors: { body: { message: '<img src=x onerror=alert(1)>' } } });
    await flush();

    const item = element.shadowRoot?.querySelector('li');
    expect(item?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(element.shadowRoot?.querySelector('img')).toBeNull();
  });
});
