// jobs/cluster/S3Probe.java: jobs/s3-check's hands on an S3-compatible store through Hadoop's s3a://
// file system (run with the single-file source launcher, the runnable jar's lib/ and hadoop-aws with
// its AWS SDK on the class path; s3a settings as -Dspark.hadoop.fs.s3a.* system properties, as the
// nightly takes them, credentials from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY).
//
//   setup LOCAL_DIR s3a://bucket/path s3a://bucket2   creates both buckets (AWS SDK) and copies the local
//                                                     folder to the first (FileSystem.copyFromLocalFile)
//   probe s3a://bucket/key   is a plain create(overwrite=false) exclusive (two streams opened before either
//                            closes)? does the store refuse a second create-if-absent asked as a conditional
//                            PUT (If-None-Match: *), as the warehouse lock does? does setTimes move a file's time?
// The probe prints one line each, "plain: yes|no ...", "conditional: yes|no ..." and "settimes: yes|no ...".
// Commands may follow one another in one run: setup ... probe ...
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

public class S3Probe {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: S3Probe [setup LOCAL_DIR URI URI] [probe URI]");
            System.exit(2);
        }
        Configuration configuration = new Configuration();
        for (Map.Entry<Object, Object> entry : System.getProperties().entrySet()) {
            String key = entry.getKey().toString();
            if (key.startsWith("spark.hadoop.")) {
                configuration.set(key.substring("spark.hadoop.".length()), entry.getValue().toString());
            }
        }
        for (int at = 0; at < args.length; at += args[at].equals("setup") ? 4 : 2) {
            run(configuration, java.util.Arrays.copyOfRange(args, at, args.length));
        }
        FileSystem.closeAll();
    }

    private static void run(Configuration configuration, String[] args) throws Exception {
        switch (args[0]) {
            case "setup" -> {
                Path target = new Path(args[2]);
                try (var s3 = software.amazon.awssdk.services.s3.S3Client.builder()
                        .endpointOverride(java.net.URI.create(configuration.get("fs.s3a.endpoint")))
                        .region(software.amazon.awssdk.regions.Region.of(configuration.get("fs.s3a.endpoint.region", "us-east-1")))
                        .forcePathStyle(true)
                        .credentialsProvider(software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider.create())
                        .build()) {
                    for (String uri : new String[] {args[2], args[3]}) {
                        String bucket = java.net.URI.create(uri).getHost();
                        s3.createBucket(request -> request.bucket(bucket));
                        System.out.println("setup: bucket " + bucket + " created");
                    }
                }
                FileSystem fs = target.getFileSystem(configuration);
                fs.copyFromLocalFile(false, true, new Path(new File(args[1]).getAbsoluteFile().toURI()), target);
                long files = 0;
                var listing = fs.listFiles(target, true);
                while (listing.hasNext()) {
                    listing.next();
                    files++;
                }
                System.out.println("setup: " + files + " files copied to " + target);
            }
            case "probe" -> {
                Path file = new Path(args[1]);
                FileSystem fs = file.getFileSystem(configuration);
                fs.delete(file, false);
                // What the lock did before: create(path, false), on S3A a HEAD/LIST check at open and an
                // unconditional PUT at close. Two runs whose checks both come before either PUT both win.
                try {
                    OutputStream first = fs.create(file, false);
                    OutputStream second = fs.create(file, false);
                    first.close();
                    second.close();
                    System.out.println("plain: no, two create(overwrite=false) of " + file + " opened before either closed both succeeded");
                }
                catch (IOException e) {
                    System.out.println("plain: yes, the second create(overwrite=false) was refused: " + e.getClass().getSimpleName());
                }
                fs.delete(file, false);
                create(fs, file, "first");
                try {
                    create(fs, file, "second");
                    System.out.println("conditional: no, a second create-if-absent of " + file + " succeeded (If-None-Match ignored)");
                }
                catch (IOException e) {
                    System.out.println("conditional: yes, a second create-if-absent was refused: " + e.getClass().getSimpleName()
                            + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                }
                fs.delete(file, false);
                try (OutputStream out = fs.create(file, true)) {
                    out.write('x');
                }
                long before = fs.getFileStatus(file).getModificationTime();
                Thread.sleep(2_000);
                fs.setTimes(file, System.currentTimeMillis(), -1);
                long after = fs.getFileStatus(file).getModificationTime();
                System.out.println("settimes: " + (after > before ? "yes" : "no") + ", modification time " + before + " then " + after
                        + " after setTimes 2 s later");
                fs.delete(file, false);
            }
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    /** Create-if-absent as the warehouse lock does it: overwrite off, and a conditional PUT asked for where the store can. */
    private static void create(FileSystem fs, Path file, String text) throws IOException {
        try (FSDataOutputStream out = (FSDataOutputStream) fs.createFile(file).overwrite(false).recursive()
                .opt("fs.option.create.conditional.overwrite", true).build()) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
