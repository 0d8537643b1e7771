/**
 * The Monaco editor as GraphiQL needs it: the core editor with its features and the JSON language
 * (variables, headers, response). The build points every bare `monaco-editor` import here, which
 * leaves out the TypeScript/HTML/CSS language services and ~80 basic languages (megabytes) that
 * GraphiQL never uses; monaco-graphql brings the GraphQL language itself.
 */
export * from 'monaco-editor/esm/vs/editor/edcore.main.js';
import 'monaco-editor/esm/vs/language/json/monaco.contribution.js';
