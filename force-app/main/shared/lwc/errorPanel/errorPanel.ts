import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/ldsUtils';

/** One message of the panel, keyed for the template iteration. */
interface PanelMessage {
  key: string;
  text: string;
}

/**
 * Shows what failed and the messages of the errors behind it, in an alert region that screen readers announce.
 */
export default class ErrorPanel extends LightningElement {
  /** Errors to explain: an Apex, Lightning Data Service or JavaScript error, a list of them, or a message. */
  @api errors: unknown;

  /** Sentence above the details that names what failed, for example "The health score could not be loaded." */
  @api friendlyMessage = 'Something went wrong.';

  get messages(): PanelMessage[] {
    return reduceErrors(this.errors).map((text, index) => ({ key: `message-${index}`, text }));
  }

  get hasMessages(): boolean {
    return this.messages.length > 0;
  }
}
