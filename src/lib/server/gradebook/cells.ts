// Moved to #lib/gradebook so the grid page can parse cells in the browser with the same rules.
export * from '#lib/gradebook/cells';
