export * from '../organisations/schema';
export * from '../people/schema';
export * from '../audit/schema';
export * from '../platform/schema';
export * from '../settings/schema';
export * from '../gradebook/schema';
export * from '../learning/schema';
export * from '../learning/lesson-schema';
