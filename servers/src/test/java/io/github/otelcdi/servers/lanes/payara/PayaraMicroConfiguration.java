package io.github.otelcdi.servers.lanes.payara;

import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/** Where Payara Micro is and which ports it takes (arquillian.xml, container {@code payara}). */
public class PayaraMicroConfiguration implements ContainerConfiguration {

    private String microJar;
    private int httpPort = 18280;
    private int controlPort = 18281;
    private String javaVmArguments = "-Xmx512m";
    private int startupTimeoutInSeconds = 180;
    private String logFile;

    @Override
    public void validate() throws ConfigurationException {
        if (microJar == null || microJar.isBlank()) {
            throw new ConfigurationException("microJar: the path of payara-micro.jar is required");
        }
    }

    public String getMicroJar() {
        return microJar;
    }

    public void setMicroJar(String microJar) {
        this.microJar = microJar;
    }

    public int getHttpPort() {
        return httpPort;
    }

    public void setHttpPort(int httpPort) {
        this.httpPort = httpPort;
    }

    public int getControlPort() {
        return controlPort;
    }

    public void setControlPort(int controlPort) {
        this.controlPort = controlPort;
    }

    public String getJavaVmArguments() {
        return javaVmArguments;
    }

    public void setJavaVmArguments(String javaVmArguments) {
        this.javaVmArguments = javaVmArguments;
    }

    public int getStartupTimeoutInSeconds() {
        return startupTimeoutInSeconds;
    }

    public void setStartupTimeoutInSeconds(int startupTimeoutInSeconds) {
        this.startupTimeoutInSeconds = startupTimeoutInSeconds;
    }

    public String getLogFile() {
        return logFile;
    }

    public void setLogFile(String logFile) {
        this.logFile = logFile;
    }
}
