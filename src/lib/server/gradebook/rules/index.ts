/** The gradebook's pure rules: no database, no I/O. Each function names the circular and article it implements. */
export * from './decimal';
export * from './scores';
export * from './subjects';
export * from './secondary-subject';
export * from './secondary-learning';
export * from './secondary-conduct';
export * from './secondary-year-end';
export * from './primary';
export * from './preschool';
export * from './attendance';
export * from './grade-changes';
