/**
 * English texts for `@salesforce/label/<Section>.<name>` imports, which only the Salesforce platform resolves. The
 * Lightning base components import these keys for their messages, assistive texts and placeholders. The offline
 * bundle turns each label import into `labelText(key)`. `{0}` and `{1}` are placeholders that the importing component
 * fills in with `formatLabel`.
 */
export const LABEL_TEXTS: Readonly<Record<string, string>> = {
  'Duration.secondsAgo': 'a few seconds ago',
  'Duration.secondsLater': 'in a few seconds',

  'LightningButtonMenu.loading': 'Loading menu items',
  'LightningButtonMenu.showMenu': 'Show menu',

  'LightningColorPicker.a11yDefaultText': 'No color chosen',
  'LightningColorPicker.a11yTriggerText': 'Choose a color',
  'LightningColorPicker.bInput': 'B',
  'LightningColorPicker.blueAbbr': 'Blue',
  'LightningColorPicker.cancelButton': 'Cancel',
  'LightningColorPicker.colorPickerInstructions':
    'Move the marker with the arrow keys to change saturation and brightness.',
  'LightningColorPicker.doneButton': 'Done',
  'LightningColorPicker.errorMessage': 'Enter a hex color such as #1A6DB4.',
  'LightningColorPicker.gInput': 'G',
  'LightningColorPicker.greenAbbr': 'Green',
  'LightningColorPicker.hexLabel': 'Hex',
  'LightningColorPicker.hueInput': 'Hue',
  'LightningColorPicker.rInput': 'R',
  'LightningColorPicker.redAbbr': 'Red',
  'LightningColorPickerPanel.customTab': 'Custom',
  'LightningColorPickerPanel.defaultTab': 'Default',

  'LightningCombobox.ariaSelectedOptions': 'Selected options:',
  'LightningCombobox.defaultGroupHeader': 'Options',
  'LightningCombobox.deselectOptionKeyboard': 'Press Delete or Backspace to remove the option.',
  'LightningCombobox.loadingText': 'Loading',
  'LightningCombobox.pillCloseButtonAlternativeText': 'Remove {0}',
  'LightningCombobox.placeholder': 'Choose an option',

  'LightningControl.activeCapitalized': 'On',
  'LightningControl.clear': 'Clear',
  'LightningControl.false': 'False',
  'LightningControl.inactiveCapitalized': 'Off',
  'LightningControl.loading': 'Loading',
  'LightningControl.required': 'required',
  'LightningControl.true': 'True',

  // The calendar appends the month name to this text.
  'LightningDateTimePicker.ariaLabelMonth': 'Month shown: ',
  'LightningDateTimePicker.customErrorWithDateFormat': '{0} Use the format {1}.',
  'LightningDateTimePicker.dateFormatExampleText': 'Format: {0}',
  'LightningDateTimePicker.dateLabel': 'Date',
  'LightningDateTimePicker.invalidDate': 'This is not a valid value. Use the format {0}.',
  'LightningDateTimePicker.maxRangeMessage': 'Pick a date on or before {0}.',
  'LightningDateTimePicker.minAndMaxRangeMessage': 'Pick a date from {0} to {1}.',
  'LightningDateTimePicker.minRangeMessage': 'Pick a date on or after {0}.',
  'LightningDateTimePicker.nextMonth': 'Next month',
  'LightningDateTimePicker.previousMonth': 'Previous month',
  'LightningDateTimePicker.rangeOverflow': 'The value must be {0} or earlier.',
  'LightningDateTimePicker.rangeUnderflow': 'The value must be {0} or later.',
  'LightningDateTimePicker.selectDateFor': 'Pick a date for {0}',
  'LightningDateTimePicker.timeLabel': 'Time',
  'LightningDateTimePicker.today': 'Today',
  'LightningDateTimePicker.valueMissingWithDateFormat': 'This field is required. Use the format {0}.',
  'LightningDateTimePicker.yearSelector': 'Year',

  'LightningErrorMessage.validityBadEmailInput': 'Enter an email address such as name@example.com.',
  'LightningErrorMessage.validityBadInput': 'Enter a valid value.',
  'LightningErrorMessage.validityBadNumericInput': 'Enter a number.',
  'LightningErrorMessage.validityPatternMismatch':
    'The value does not have the expected format. Check it and try again.',
  'LightningErrorMessage.validityRangeOverflow': 'The value is above the maximum. Enter a smaller value.',
  'LightningErrorMessage.validityRangeUnderflow': 'The value is below the minimum. Enter a larger value.',
  'LightningErrorMessage.validitySelectAtleastOne': 'Choose at least one option.',
  'LightningErrorMessage.validityStepMismatch': 'The value is between two allowed steps. Enter an allowed step.',
  'LightningErrorMessage.validityTooLong': 'The value is too long. Shorten it.',
  'LightningErrorMessage.validityTooShort': 'The value is too short. Lengthen it.',
  'LightningErrorMessage.validityTypeMismatch': 'The value does not match the type of the field.',
  'LightningErrorMessage.validityValueMissing': 'This field is required. Enter a value.',

  'LightningHelptext.buttonAlternativeText': 'Help',
  'LightningInput.helptextAlternativeText': 'More about {0}',
  'LightningInputFile.bodyText': 'or drop files here',
  'LightningInputFile.buttonLabel': 'Upload files',
  'LightningInputNumber.decrementCounter': 'Decrease',
  'LightningInputNumber.incrementCounter': 'Increase',

  // The progress bar appends the formatted percent to this text.
  'LightningProgressBar.progress': 'Progress',
  'LightningProgressBar.progressBar': 'Progress bar',
  'LightningProgressIndicator.currentStage': '{0}, current stage',
  'LightningProgressIndicator.errorStage': '{0}, stage with an error',
  'LightningProgressIndicator.pathCurrentStage': 'Current stage: {0}',
  'LightningProgressIndicator.stageComplete': '{0}, completed stage',
  'LightningProgressIndicator.stageNotStarted': '{0}, stage not started',

  'LightningTabs.defaultTabBarAriaLabel': 'Tabs',
  'LightningTabs.errorStateAlternativeText': 'This tab has an error',
  'LightningTabs.overflowMore': 'More',
  'LightningTabs.overflowMoreAlternativeText': 'More tabs',
  'LightningTabs.overflowMoreTitle': 'More tabs'
};

/**
 * Turns the last part of a label key into words, for keys without a text: `LightningControl.selectAllItems` becomes
 * "Select all items".
 */
export function labelWords(key: string): string {
  const name = key.slice(key.lastIndexOf('.') + 1);
  const words = name
    .replace(/_+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
}

/**
 * Returns the text of a label key, such as `LightningControl.required` or `c.MyLabel`, or the key's last part in
 * words when the key has no text here.
 */
export function labelText(key: string): string {
  return LABEL_TEXTS[key] ?? labelWords(key);
}
