/**
 * Toasts that components raise with ShowToastEvent, as the shell lists them.
 */
import type { ShowToastEventConfig } from '../../../../stubs/platformShowToastEvent';

/** One toast on screen. */
export interface Toast {
  key: string;
  title: string;
  message: string;
  variant: 'info' | 'success' | 'warning' | 'error';
  mode: 'dismissible' | 'pester' | 'sticky';
  className: string;
  iconName: string;
  /** `alert` for warnings and errors, so screen readers announce them at once; `status` otherwise. */
  role: string;
  isClosable: boolean;
}

const VARIANTS = ['info', 'success', 'warning', 'error'] as const;
const MODES = ['dismissible', 'pester', 'sticky'] as const;

/**
 * Replaces `{0}`, `{1}`… in a toast message with the labels (or text) of `messageData`.
 * @param message Message with placeholders.
 * @param data Values for the placeholders.
 */
export function fillMessage(message: string, data: ShowToastEventConfig['messageData']): string {
  return message.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
    const value = data?.[Number(index)];
    if (value === undefined) {
      return placeholder;
    }
    return typeof value === 'string' ? value : (value.label ?? value.url ?? '');
  });
}

/**
 * Builds the toast that a ShowToastEvent requests. Unknown variants and modes fall back to info and dismissible, as
 * on the platform.
 * @param config The event's detail.
 * @param key Unique key of the toast.
 */
export function buildToast(config: ShowToastEventConfig | null | undefined, key: string): Toast {
  const variant = VARIANTS.find((value) => value === config?.variant) ?? 'info';
  const mode = MODES.find((value) => value === config?.mode) ?? 'dismissible';
  return {
    key,
    title: config?.title ?? '',
    message: fillMessage(config?.message ?? '', config?.messageData),
    variant,
    mode,
    className: `slds-notify slds-notify_toast slds-theme_${variant}`,
    iconName: `utility:${variant}`,
    role: variant === 'warning' || variant === 'error' ? 'alert' : 'status',
    isClosable: mode !== 'pester'
  };
}

/**
 * Returns how long a toast stays, in milliseconds, or null when it stays until closed. Errors and warnings stay
 * longer than confirmations so they can be read in full.
 */
export function toastDuration(toast: Toast): number | null {
  if (toast.mode === 'sticky') {
    return null;
  }
  return toast.variant === 'error' || toast.variant === 'warning' ? 10000 : 5000;
}
