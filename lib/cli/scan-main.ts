import { main } from './scan';

// `npm run scan -- …`: the process shell around `main` (which tests call directly).
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
