// jobs/cluster/MiniHdfs.java: a one-node HDFS on 127.0.0.1 for jobs/cluster-smoke (run with the single-file
// source launcher, hadoop-client-minicluster on the class path). Starts a MiniDFSCluster, copies a local
// landing folder into hdfs:///landing, writes the file system URI to a file, then serves until stdin closes
// or the process is killed.
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

public class MiniHdfs {
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: MiniHdfs <base-dir> <landing-to-copy> <uri-file>");
            System.exit(2);
        }
        Configuration configuration = new Configuration();
        configuration.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, new File(args[0]).getAbsolutePath());
        configuration.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
        configuration.set("dfs.datanode.address", "127.0.0.1:0");
        configuration.set("dfs.datanode.http.address", "127.0.0.1:0");
        configuration.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        configuration.set("dfs.namenode.http-address", "127.0.0.1:0");
        // One datanode: replicate once.
        configuration.setInt("dfs.replication", 1);
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(configuration).numDataNodes(1).format(true).build();
        cluster.waitActive();
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::shutdown));
        FileSystem fs = cluster.getFileSystem();
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(new File(args[1]).getAbsoluteFile().toURI()),
                new org.apache.hadoop.fs.Path("/landing"));
        String uri = "hdfs://127.0.0.1:" + cluster.getNameNodePort();
        Path temporary = Path.of(args[2] + ".tmp");
        Files.writeString(temporary, uri + "\n");
        Files.move(temporary, Path.of(args[2]));
        System.out.println("MiniHdfs up at " + uri);
        // Serve until the script closes our stdin or kills us.
        while (System.in.read() >= 0) {
            // keep serving
        }
        cluster.shutdown();
    }
}
