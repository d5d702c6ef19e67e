process.stdout.write('signet\n');
