import '@salesforce/lightning-types';
