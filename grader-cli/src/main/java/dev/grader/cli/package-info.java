/**
 * The {@code grader} command line: the root command, one class per subcommand, shared options and the error
 * handling every command relies on. Internal: the stable API is the library's root package.
 */
package dev.grader.cli;
