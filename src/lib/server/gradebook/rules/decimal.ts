// Moved to #lib/gradebook so the grid page can run the same rules in the browser.
export * from '#lib/gradebook/rules/decimal';
