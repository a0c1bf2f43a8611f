/**
 * Stand-in for `lightning/platformResourceLoader`: loadScript adds a script tag and loadStyle a stylesheet link to
 * the document head, and each resolves once the browser has loaded the file. As on the platform, a URL is loaded once:
 * later calls for the same URL get the same promise. A failed load is forgotten, so a later call tries again.
 */

const loads = new Map<string, Promise<void>>();

function load(kind: 'script' | 'style', url: string): Promise<void> {
  const key = `${kind}:${url}`;
  const known = loads.get(key);
  if (known !== undefined) {
    return known;
  }
  const promise = new Promise<void>((resolve, reject) => {
    let element: HTMLScriptElement | HTMLLinkElement;
    if (kind === 'script') {
      const script = document.createElement('script');
      script.src = url;
      // Scripts added by code run in the order they load; a library must have run before its promise resolves.
      script.async = false;
      element = script;
    } else {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = url;
      element = link;
    }
    element.addEventListener('load', () => resolve(), { once: true });
    element.addEventListener(
      'error',
      () => {
        loads.delete(key);
        element.remove();
        const what = kind === 'script' ? 'script' : 'stylesheet';
        reject(
          new Error(
            `Loading the ${what} ${url} failed. Check that the static resource exists in the package and that ` +
              'npm start is still running, then reload the page.'
          )
        );
      },
      { once: true }
    );
    document.head.appendChild(element);
  });
  loads.set(key, promise);
  return promise;
}

/**
 * Loads a JavaScript file with a script tag in the document head.
 * @param _component The calling component; the platform needs it, the cockpit does not.
 * @param url URL of the file, usually from `@salesforce/resourceUrl/<name>`.
 * @returns A promise that resolves once the script has run.
 */
export function loadScript(_component: unknown, url: string): Promise<void> {
  return load('script', url);
}

/**
 * Loads a CSS file with a stylesheet link in the document head.
 * @param _component The calling component.
 * @param url URL of the file.
 * @returns A promise that resolves once the stylesheet has loaded.
 */
export function loadStyle(_component: unknown, url: string): Promise<void> {
  return load('style', url);
}
