"""Stage 7, builder: "Make your script", the applicant's own script, timed and tone-checked in
the browser. Reads data/builder.yml and the scripts; imports only from earlier stages."""
