/**
 * Stores each delivered log event as a CockpitLog__c record. A platform event trigger runs as the Automated Process user
 * in its own transaction, separate from the one that published the events, so a rollback there does not remove the
 * entries.
 */
trigger LogEventTrigger on LogEvent__e(after insert) {
  LogEventHandler.storeEntries(Trigger.new);
}
