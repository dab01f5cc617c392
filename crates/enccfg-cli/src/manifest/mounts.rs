//! Where a path inside the kube-apiserver container comes from: the deepest volume mount that
//! covers it, and, for a `hostPath` volume, the file on the node.

use super::pod::{Mount, Volume, VolumeSource};

/// What the container sees at a path.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolution<'a> {
    /// A file of the node, through a `hostPath` volume.
    Host {
        path: String,
        mount: &'a Mount,
        volume: &'a Volume,
    },
    /// No volume mount covers the path: it is whatever the image holds there.
    NotMounted,
    /// The covering mount names a volume the Pod does not define.
    VolumeMissing { mount: &'a Mount },
    /// The covering mount's volume is not a `hostPath` (a `secret`, a `configMap`, …).
    NotHostPath {
        mount: &'a Mount,
        volume: &'a Volume,
    },
}

/// Resolves `path` (as kube-apiserver reads it: relative paths start at `working_dir`, else
/// `/`) through `mounts` and `volumes`.
pub fn resolve<'a>(
    path: &str,
    working_dir: Option<&str>,
    mounts: &'a [Mount],
    volumes: &'a [Volume],
) -> Resolution<'a> {
    let absolute = if path.starts_with('/') {
        clean(path)
    } else {
        clean(&format!("{}/{path}", working_dir.unwrap_or("/")))
    };
    let covering = mounts
        .iter()
        .filter_map(|m| {
            let mount_path = clean(&m.mount_path.value);
            let rest = if mount_path == "/" {
                Some(absolute.trim_start_matches('/').to_string())
            } else if absolute == mount_path {
                Some(String::new())
            } else {
                absolute
                    .strip_prefix(&mount_path)
                    .and_then(|r| r.strip_prefix('/'))
                    .map(str::to_string)
            }?;
            Some((mount_path.len(), m, rest))
        })
        // The deepest mount shadows the ones above it.
        .max_by_key(|(depth, ..)| *depth);
    let Some((_, mount, rest)) = covering else {
        return Resolution::NotMounted;
    };
    let Some(volume) = volumes.iter().find(|v| v.name == mount.name) else {
        return Resolution::VolumeMissing { mount };
    };
    match &volume.source {
        VolumeSource::HostPath(host) => {
            let mut path = host.trim_end_matches('/').to_string();
            for part in [mount.sub_path.as_deref().unwrap_or(""), rest.as_str()] {
                if !part.is_empty() {
                    path.push('/');
                    path.push_str(part.trim_matches('/'));
                }
            }
            Resolution::Host {
                path: if path.is_empty() { "/".into() } else { path },
                mount,
                volume,
            }
        }
        VolumeSource::Other(_) => Resolution::NotHostPath { mount, volume },
    }
}

/// A Linux path without `.`, `..` (above `/` stays at `/`), doubled or trailing slashes.
fn clean(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    format!("/{}", parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::super::pod::Located;
    use super::*;

    fn mount(name: &str, path: &str, sub_path: Option<&str>) -> Mount {
        Mount {
            name: name.into(),
            mount_path: Located {
                value: path.into(),
                start: (1, 1),
                end: (1, 1),
            },
            sub_path: sub_path.map(str::to_string),
        }
    }

    fn host(name: &str, path: &str) -> Volume {
        Volume {
            name: name.into(),
            source: VolumeSource::HostPath(path.into()),
        }
    }

    fn host_path(resolution: Resolution<'_>) -> Option<String> {
        match resolution {
            Resolution::Host { path, .. } => Some(path),
            _ => None,
        }
    }

    #[test]
    fn a_directory_mount_maps_the_rest_of_the_path_and_the_deepest_mount_wins() {
        let mounts = [
            mount("k8s", "/etc/kubernetes", None),
            mount("enc", "/etc/kubernetes/enc/", None),
        ];
        let volumes = [host("k8s", "/etc/kubernetes"), host("enc", "/srv/enc/")];
        let at = |p| host_path(resolve(p, None, &mounts, &volumes));
        assert_eq!(
            at("/etc/kubernetes/enc/a.yaml"),
            Some("/srv/enc/a.yaml".into())
        );
        assert_eq!(
            at("/etc/kubernetes/./enc//b/../a.yaml"),
            Some("/srv/enc/a.yaml".into())
        );
        assert_eq!(
            at("/etc/kubernetes/pki/x"),
            Some("/etc/kubernetes/pki/x".into())
        );
        // A sibling whose name starts like the mount is not under it.
        assert_eq!(
            resolve("/etc/kubernetes-enc/a.yaml", None, &mounts, &volumes),
            Resolution::NotMounted
        );
    }

    #[test]
    fn a_file_mount_and_sub_paths_and_relative_paths() {
        let mounts = [
            mount("file", "/etc/enc.yaml", None),
            mount("sub", "/config", Some("apiserver")),
        ];
        let volumes = [host("file", "/srv/enc.yaml"), host("sub", "/srv/all")];
        let at = |p, wd| host_path(resolve(p, wd, &mounts, &volumes));
        assert_eq!(at("/etc/enc.yaml", None), Some("/srv/enc.yaml".into()));
        assert_eq!(
            at("/config/enc.yaml", None),
            Some("/srv/all/apiserver/enc.yaml".into())
        );
        assert_eq!(
            at("enc.yaml", Some("/config")),
            Some("/srv/all/apiserver/enc.yaml".into())
        );
        assert_eq!(at("etc/enc.yaml", None), Some("/srv/enc.yaml".into()));
    }

    #[test]
    fn a_missing_volume_and_a_volume_that_is_not_host_path_are_told_apart() {
        let mounts = [mount("gone", "/a", None), mount("sec", "/b", None)];
        let volumes = [Volume {
            name: "sec".into(),
            source: VolumeSource::Other("secret".into()),
        }];
        assert!(matches!(
            resolve("/a/x", None, &mounts, &volumes),
            Resolution::VolumeMissing { .. }
        ));
        assert!(matches!(
            resolve("/b/x", None, &mounts, &volumes),
            Resolution::NotHostPath { .. }
        ));
    }
}
